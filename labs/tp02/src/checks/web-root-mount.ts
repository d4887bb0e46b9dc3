import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp02Outputs } from "../outputs";
import { NGINX_ROOT } from "../topology";

export const webRootMount: Check<Tp02Outputs> = {
  id: "web-root-mount",
  title: `nginx's web root ${NGINX_ROOT} is a bind mount of the lab's host directory`,
  points: 2,
  hint: "The Mounts section of `docker inspect <web container>` must show a bind mount (Type bind) whose Source is the webRoot `labctl up tp02` prints and whose Destination is /usr/share/nginx/html.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { webContainer, webRoot } = outputs;
      const web = await docker.container(webContainer);
      if (!web) return fail(`web container ${webContainer} does not exist`);
      const mount = web.mounts.find((m) => m.destination === NGINX_ROOT);
      if (!mount) return fail(`nothing is mounted at ${NGINX_ROOT} in ${webContainer}`);
      if (mount.type !== "bind") {
        const what = mount.type === "volume" ? `volume ${mount.name ?? mount.source}` : `${mount.type} mount`;
        return fail(`${NGINX_ROOT} is a ${what}, not a bind mount of ${webRoot}`);
      }
      if (mount.source !== webRoot) {
        return fail(`${NGINX_ROOT} is a bind mount of ${mount.source}, not of ${webRoot}`);
      }
      return pass(`${NGINX_ROOT} in ${webContainer} is a bind mount of ${webRoot}`);
    }),
};
