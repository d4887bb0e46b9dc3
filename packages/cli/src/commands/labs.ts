import { LabctlCommand } from "../base-command";
import { LABS } from "../catalog";

export interface LabSummary {
  id: string;
  title: { en: string; fr: string };
  platform: string;
  images: Record<string, string>;
  totalPoints: number;
  checks: { id: string; title: string; points: number; deep: boolean; needs: string[] }[];
}

export default class Labs extends LabctlCommand {
  static override summary = "List the labs labctl can build and check.";
  static override examples = ["<%= config.bin %> labs", "<%= config.bin %> labs --json"];

  async run(): Promise<LabSummary[]> {
    await this.parse(Labs);
    const labs = LABS.map((lab) => ({
      id: lab.id,
      title: lab.title,
      platform: lab.platform,
      images: lab.images,
      totalPoints: lab.totalPoints,
      checks: lab.checks.map((c) => ({
        id: c.id,
        title: c.title,
        points: c.points,
        deep: c.deep ?? false,
        needs: c.needs ?? [],
      })),
    }));
    if (!this.jsonEnabled()) {
      const width = Math.max(...labs.map((l) => l.title.en.length));
      for (const lab of labs) {
        this.log(
          `${lab.id}  ${lab.title.en.padEnd(width)}  ${lab.platform.padEnd(6)}  ${lab.checks.length} checks, ${lab.totalPoints} points`,
        );
      }
    }
    return labs;
  }
}
