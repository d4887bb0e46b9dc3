import { type Check, errorText, fail, pass, studentMarker } from "@labctl/sdk";
import type { Tp01Outputs } from "../outputs";
import { NGINX_DEFAULT_TITLE } from "../topology";

const ANY_STUDENT = /data-labctl-student="([^"]*)"/;

export const webPage: Check<Tp01Outputs> = {
  id: "web-page",
  title: "Your page is served with HTTP 200 on your port",
  points: 3,
  needs: ["engine-reachable"],
  hint: "Open the URL `labctl up tp01` prints (`docker ps` shows the port too). `docker port <web container>` shows the published port; `docker exec <web container> cat /usr/share/nginx/html/index.html` shows the page nginx serves.",
  run: async ({ http, outputs, studentId }) => {
    const url = outputs.webUrl;
    const marker = studentMarker(studentId);
    try {
      const res = await http.request(url, { timeoutMs: 5000 });
      if (res.status !== 200) return fail(`${url} answers HTTP ${res.status}`);
      if (res.body.includes(marker)) return pass(`${url} serves ${studentId}'s page`);
      const other = ANY_STUDENT.exec(res.body)?.[1];
      if (other !== undefined)
        return fail(`${url} serves the page of student "${other}", not ${studentId}'s`);
      if (res.body.includes(NGINX_DEFAULT_TITLE)) {
        return fail(`${url} serves nginx's default page, not ${studentId}'s page: index.html was replaced`);
      }
      return fail(`${url} answers 200 but the page lacks ${studentId}'s marker (${marker})`);
    } catch (err) {
      return fail(`nothing answers on ${url}: ${errorText(err)}`);
    }
  },
};
