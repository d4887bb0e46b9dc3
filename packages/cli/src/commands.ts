import ClassDown from "./commands/class/down";
import ClassReport from "./commands/class/report";
import ClassStatus from "./commands/class/status";
import ClassUp from "./commands/class/up";
import ClassVerify from "./commands/class/verify";
import Doctor from "./commands/doctor";
import Down from "./commands/down";
import Gc from "./commands/gc";
import Labs from "./commands/labs";
import Preview from "./commands/preview";
import Repair from "./commands/repair";
import Smoke from "./commands/smoke";
import Status from "./commands/status";
import Up from "./commands/up";
import Verify from "./commands/verify";

/** oclif's explicit command list (package.json oclif.commands). Commands must stay light to import. */
export const COMMANDS = {
  labs: Labs,
  up: Up,
  preview: Preview,
  verify: Verify,
  down: Down,
  status: Status,
  doctor: Doctor,
  gc: Gc,
  repair: Repair,
  smoke: Smoke,
  "class:up": ClassUp,
  "class:verify": ClassVerify,
  "class:down": ClassDown,
  "class:status": ClassStatus,
  "class:report": ClassReport,
};
