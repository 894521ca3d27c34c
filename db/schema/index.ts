export * from "./attendance";
export * from "./audit";
export * from "./committee";
export * from "./events";
export * from "./files";
export * from "./news";
export * from "./search";
export * from "./users";
