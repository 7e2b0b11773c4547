/** Things the person should hear about once, shown as a banner by the renderer. */
export interface AppStatus {
  /** The local data file was damaged at start and rebuilt; counts of what was recovered. */
  storageRebuilt: { settings: number; outbox: number; reports: number } | null;
}
