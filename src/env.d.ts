declare namespace App {
  interface Locals {
    /** The edition whose chapter is being rendered, for the data lists an MDX chapter embeds. */
    edition?: string;
    /** Prefix for heading ids when several chapters share a page (the print edition). */
    headingPrefix?: string;
    /** Abbreviations already expanded on the page being rendered (first use only). */
    abbreviationsSeen?: Set<string>;
  }
}
