import { type Check, errorText, fail, pass, studentMarker } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { NGINX_DEFAULT_TITLE } from "../topology";

export const webContent: Check<Tp02Outputs> = {
  id: "web-content",
  title: "nginx serves the page labctl wrote in the host directory",
  points: 3,
  hint: "Open the URL `labctl up tp02` prints, and compare with the index.html in the webRoot directory it prints. nginx's default page means the bind mount is missing; a 403 means nginx cannot read the directory (`ls -ld` it).",
  run: async ({ http, outputs, studentId }) => {
    const { webUrl: url, webRoot } = outputs;
    try {
      const res = await http.request(url, { timeoutMs: 5000 });
      if (res.status !== 200) return fail(`${url} answers HTTP ${res.status}`);
      if (res.body.includes(studentMarker(studentId)))
        return pass(`${url} serves the index.html from ${webRoot}`);
      if (res.body.includes(NGINX_DEFAULT_TITLE)) {
        return fail(`${url} serves nginx's default page, not the index.html from ${webRoot}`);
      }
      return fail(
        `${url} answers 200 but not with the page labctl wrote in ${webRoot} (no ${studentMarker(studentId)})`,
      );
    } catch (err) {
      return fail(`nothing answers on ${url}: ${errorText(err)}`);
    }
  },
};
