/** What the tp04 program exports, as checks see it once resolved (secrets in clear). */
export type Tp04Outputs = {
  /** Where labapp answers on the host: the student's port on the bind address. */
  appUrl: string;
  container: string;
  /** The image the program built (`<lab>-<student>-app:<version>`). */
  image: string;
  /** The base images after the image map, passed to the build as BUILD_IMAGE and RUNTIME_IMAGE. */
  buildImage: string;
  runtimeImage: string;
  /** The build context (the app folder) and the Dockerfile in it, as absolute paths. */
  appDir: string;
  dockerfile: string;
  /** Text labapp greets with (APP_MESSAGE), proving the student's own container answers. */
  message: string;
  /** Bearer token for GET /private, given to the container at run time (APP_TOKEN). */
  appToken: string;
};
