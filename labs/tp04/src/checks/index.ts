import { appHealthy } from "./app-healthy";
import { appHttp } from "./app-http";
import { cmdOverridable } from "./cmd-overridable";
import { dockerfileRules } from "./dockerfile-rules";
import { imageLayers } from "./image-layers";
import { imageSize } from "./image-size";
import { noSecrets } from "./no-secrets";
import { nonRoot } from "./non-root";

/** The running service first, then what the image is made of, then the Dockerfile itself. */
export const checks = [
  appHealthy,
  appHttp,
  nonRoot,
  cmdOverridable,
  imageSize,
  imageLayers,
  noSecrets,
  dockerfileRules,
];
