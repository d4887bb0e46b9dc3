/** What the tp01 program exports, as checks see it once resolved. */
export type Tp01Outputs = {
  /** Where the student's page is served, on the student's port. */
  webUrl: string;
  webContainer: string;
  /** The run-to-completion container that prints Docker's greeting. */
  helloContainer: string;
  /** The student's own bridge network both containers are on. */
  network: string;
};
