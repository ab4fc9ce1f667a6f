/**
 * One retry for work that fails now and then for reasons of its own (Chromium's
 * `Page.printToPDF: Printing failed`), then a failure that names what could not be made and why.
 */
export async function retryOnce<T>(what: string, attempt: (tryNumber: number) => Promise<T>): Promise<T> {
  try {
    return await attempt(1);
  } catch {
    try {
      return await attempt(2);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`${what} failed twice: ${reason}`, { cause: error });
    }
  }
}
