export { COMMANDS } from "./commands";
