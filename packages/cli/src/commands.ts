import Doctor from "./commands/doctor";
import Down from "./commands/down";
import Gc from "./commands/gc";
import Labs from "./commands/labs";
import Status from "./commands/status";
import Up from "./commands/up";
import Verify from "./commands/verify";

/** oclif's explicit command list (package.json oclif.commands). Commands must stay light to import. */
export const COMMANDS = {
  labs: Labs,
  up: Up,
  verify: Verify,
  down: Down,
  status: Status,
  doctor: Doctor,
  gc: Gc,
};
