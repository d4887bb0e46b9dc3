/** Fixed facts of the tp06 environment, shared by the program and the checks. */

/** Port the registry listens on inside its container. */
export const REGISTRY_PORT = 5000;

/** Where the registry image keeps images; the named volume must be mounted here. */
export const STORAGE_DIR = "/var/lib/registry";

/** Where the program puts the htpasswd file in the container. */
export const HTPASSWD_PATH = "/auth/htpasswd";

/** The Basic auth realm the registry announces in its 401 answers. */
export const REALM = "labctl registry";
