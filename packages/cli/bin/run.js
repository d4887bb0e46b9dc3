#!/usr/bin/env node
// labctl entry point: oclif loads the explicit command list from dist/commands.js.
void (async () => {
  const oclif = await import("@oclif/core");
  await oclif.execute({ dir: __dirname });
})();
