// A class over core's fake engine, for the class verbs' tests.

import type { Roster } from "@labctl/roster";
import type { Student } from "@labctl/sdk";
import { FakeEngine, fakeHome, fakeLab } from "../../../core/src/test-support/fake-engine";

export { FakeEngine, fakeHome, fakeLab };

export const roster = (...ids: string[]): Roster => ({
  source: "class.csv",
  format: "csv",
  students: ids.map((id): Student => ({ id, name: `Student ${id}`, email: `${id}@example.org` })),
});

/** Clients whose engine does not answer: a check that errors gets the runner's triage to say so. */
export const vanishingClients = {
  docker: {
    version: async () => Promise.reject(new Error("connect ECONNREFUSED /var/run/docker.sock")),
  } as never,
  http: {} as never,
};

/** Probe clients checks never touch in the fake lab. */
export const noClients = { docker: {} as never, http: {} as never };

/** A fresh home, a fake engine and the options every class verb takes, for a roster of ids. */
export async function fakeClass(...ids: string[]) {
  const { home, config } = await fakeHome();
  const engine = new FakeEngine();
  const base = {
    home,
    config,
    lab: fakeLab,
    classId: "devops",
    roster: roster(...ids),
    engine,
    concurrency: 2,
  };
  return { home, config, engine, base };
}
