import { anonymousPushRefused } from "./anonymous-push-refused";
import { authRequired } from "./auth-required";
import { catalog } from "./catalog";
import { engineRoundTrip } from "./engine-round-trip";
import { httpRoundTrip } from "./http-round-trip";
import { login } from "./login";
import { registryRunning } from "./registry-running";
import { storageVolume } from "./storage-volume";

/** In the order a student would debug: up, locked, unlocked with the key, then images in and out. */
export const checks = [
  registryRunning,
  authRequired,
  login,
  anonymousPushRefused,
  httpRoundTrip,
  catalog,
  storageVolume,
  engineRoundTrip,
];
