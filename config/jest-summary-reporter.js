// Prints one plain closing line ("tests: N passed, N failed") that any CI can read.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    console.log(skipped ? `${line}, ${skipped} skipped` : line);
  }
}
