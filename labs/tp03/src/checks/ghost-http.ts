import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp03Outputs } from "../outputs";

export const ghostHttp: Check<Tp03Outputs> = {
  id: "ghost-http",
  title: "Ghost answers HTTP 200 on its URL",
  points: 3,
  needs: ["mysql-running"],
  hint: "Open the URL from `labctl status`. If nothing answers, check `docker logs <ghost container>` (Ghost stops when it cannot reach its database) and the port mapping in `docker ps`.",
  run: async ({ http, outputs }) => {
    const url = outputs.ghostUrl;
    try {
      const res = await http.request(url, { timeoutMs: 5000 });
      if (res.status === 200) return pass(`Ghost answers 200 on ${url}`);
      const location = res.headers.location ? ` to ${res.headers.location}` : "";
      const why =
        res.status >= 300 && res.status < 400 ? `: Ghost redirects${location}, check its url setting` : "";
      return fail(`Ghost answers HTTP ${res.status} on ${url}${why}`);
    } catch (err) {
      return fail(`Ghost does not answer on ${url}: ${errorText(err)}`);
    }
  },
};
