// Prints one plain closing line, "tests: N passed, N failed, N skipped", that any CI reader understands.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites } = results;
    if (numFailedTestSuites > 0 && numFailedTests === 0) {
      process.stderr.write(`suites failed to run: ${numFailedTestSuites}\n`);
    }
    const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites : 0);
    process.stderr.write(
      `\ntests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}
module.exports = SummaryReporter;
