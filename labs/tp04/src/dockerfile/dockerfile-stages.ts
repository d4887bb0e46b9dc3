import type { Instruction } from "dockerfile-ast";

/**
 * dockerfile-ast on first use: `labctl labs` imports every lab module, and the parser (35 modules)
 * is only needed when a check reads a Dockerfile.
 */
export const dockerfileAst = (): typeof import("dockerfile-ast") => require("dockerfile-ast");

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface Stage {
  /** The base after ARG defaults are substituted (`${BUILD_IMAGE}` -> `gcc:13`). */
  base: string;
  /** The `AS` name, lowercased, when there is one. */
  name?: string;
  /** 1-based line of the FROM. */
  line: number;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  stages: Stage[];
  /** Every instruction, the ARGs before the first FROM included. */
  instructions: Instruction[];
}

/** 1-based line where an instruction starts, for messages a student can follow. */
export const lineOf = (instruction: Instruction): number => instruction.getRange().start.line + 1;

/** The instruction's arguments with ARG defaults substituted, flags left out. */
export const argsOf = (instruction: Instruction): string[] =>
  instruction.getExpandedArguments().map((arg) => arg.getValue());

/** Parses a Dockerfile with dockerfile-ast (the parser of the Docker language server) into stages. */
export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions = dockerfileAst().DockerfileParser.parse(text).getInstructions();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === "FROM") {
      const [base = "", as, name] = argsOf(instruction);
      const named = as?.toUpperCase() === "AS" && name ? name.toLowerCase() : undefined;
      stages.push({ base, name: named, line: lineOf(instruction), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { stages, instructions };
}

/** The last instruction of a stage with this keyword, if any. */
export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
}
