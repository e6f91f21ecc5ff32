/** The props of a part of an island shown once a run ends (Samplers, FieldSection). */
export interface AfterRunProps {
  /** Prefix for element ids, unique per page. */
  id: string;
  /** The heading's element, one level below the island's. */
  heading: "h3" | "h4";
}
