import { type Check, errorText, fail, type HttpProbe, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";

export const appHttp: Check<Tp04Outputs> = {
  id: "app-http",
  title: "labapp answers on the student's port, and /private only with the run-time token",
  points: 2,
  hint: "Open the URL from `labctl status`. Nothing answering: compare the published port in `docker ps` with the port labapp listens on (8080). /private wants `Authorization: Bearer <token>`, the token the container gets in APP_TOKEN when it starts.",
  run: async ({ http, outputs }) => {
    const { appUrl, message, appToken } = outputs;
    try {
      const home = await get(http, appUrl);
      if (home.status !== 200) return fail(`GET ${appUrl}/ answered HTTP ${home.status}`);
      if (!home.body.includes(message))
        return fail(`GET ${appUrl}/ answered without "${message}": is this the lab's container?`);
      const anonymous = await get(http, `${appUrl}/private`);
      if (anonymous.status !== 401)
        return fail(`GET /private without a token answered HTTP ${anonymous.status}, not 401`);
      const authorized = await get(http, `${appUrl}/private`, appToken);
      if (authorized.status === 503)
        return fail("labapp has no APP_TOKEN: the container was started without it");
      if (authorized.status !== 200)
        return fail(
          `GET /private with the generated token answered HTTP ${authorized.status}: APP_TOKEN differs`,
        );
      return pass(`labapp answers "${message}" on ${appUrl}, and /private wants the run-time token`);
    } catch (err) {
      return fail(`labapp does not answer on ${appUrl}: ${errorText(err)}`);
    }
  },
};

const get = (http: HttpProbe, url: string, token?: string) =>
  http.request(url, { timeoutMs: 5000, headers: token ? { authorization: `Bearer ${token}` } : {} });
