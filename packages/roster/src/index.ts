// The public API of @labctl/roster: a class list (CSV or YAML) read into students with stable ids.
export * from "./read-roster";
export * from "./roster-error";
export * from "./roster-students";
export * from "./roster-types";
