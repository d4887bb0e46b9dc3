import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { LabRequest, Platform } from "./lab-request.ts";

/** One file of the new lab: its path inside labs/<id>, and what it holds. */
export interface LabFile {
  path: string;
  content: string;
}

/** What differs between platforms, beside their own templates (templates/<platform>/). */
interface PlatformShape {
  images: string;
  ports: string;
  checkId: string;
  checkExport: string;
  /** The Pulumi provider the program imports. */
  provider: string;
}

const NGINX = '{ web: "nginx:1.27-alpine" }';

export const SHAPES: Record<Platform, PlatformShape> = {
  docker: {
    images: NGINX,
    ports: '["web"]',
    checkId: "web-running",
    checkExport: "webRunning",
    provider: "@pulumi/docker",
  },
  swarm: {
    images: NGINX,
    ports: "[]",
    checkId: "web-replica",
    checkExport: "webReplica",
    provider: "@pulumi/docker",
  },
  kind: {
    images: "{}",
    ports: "[]",
    checkId: "namespace-named",
    checkExport: "namespaceNamed",
    provider: "@pulumi/kubernetes",
  },
};

/**
 * The new lab's files: templates/common then templates/<platform>, `{{name}}` filled in, `.tmpl`
 * dropped and `__id__` in a path replaced by the id; package.json is built here, with the
 * versions of @pulumi/pulumi and the provider installed at the root.
 */
export function labFiles(
  templates: string,
  request: LabRequest,
  versions: Record<string, string>,
): LabFile[] {
  const { id, platform, title } = request;
  const number = Number(id.slice(2));
  const vars: Record<string, string> = {
    ...SHAPES[platform],
    id,
    Id: `T${id.slice(1)}`,
    platform,
    title,
    titleLiteral: JSON.stringify(title),
    // Away from the other labs' ports: program tests use 18000 + n·100, engine tests 47000 + n·100.
    testPort: String(18000 + number * 100),
    e2ePort: String(47000 + number * 100),
  };
  const files = ["common", platform].flatMap((folder) =>
    templateFiles(join(templates, folder)).map((file) => ({
      path: relative(join(templates, folder), file)
        .replace(/\.tmpl$/, "")
        .replaceAll("__id__", id),
      content: fill(readFileSync(file, "utf8"), vars, file),
    })),
  );
  return [{ path: "package.json", content: labPackage(request, versions) }, ...files];
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function fill(template: string, vars: Record<string, string>, file: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined)
      throw new Error(`template ${file} uses {{${name}}}, which the generator does not set`);
    return value;
  });
}

function labPackage({ id, platform }: LabRequest, versions: Record<string, string>): string {
  const provider = SHAPES[platform].provider;
  const pkg = {
    name: `@labctl/lab-${id}`,
    version: "0.1.0",
    private: true,
    license: "MIT",
    main: "dist/index.js",
    types: "dist/index.d.ts",
    files: ["dist"],
    engines: { node: ">=22" },
    scripts: {
      build: "tsc -p tsconfig.build.json",
      "check-types": "tsc -p tsconfig.json --noEmit",
      test: "jest --passWithNoTests",
      "test:e2e": "jest -c jest.e2e.config.js --passWithNoTests",
    },
    dependencies: {
      "@labctl/sdk": "*",
      [provider]: `^${versions[provider]}`,
      "@pulumi/pulumi": `^${versions["@pulumi/pulumi"]}`,
    },
    devDependencies: { "@labctl/testing": "*" },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
