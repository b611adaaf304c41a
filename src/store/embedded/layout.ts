/** Where each piece of an embedded server lives inside its data folder. */
import path from "node:path";

export interface DataFolderLayout {
  readonly dataDir: string;
  /** The cluster itself, as initdb creates it. */
  readonly pgdata: string;
  /** Present only in a fully initialised cluster. */
  readonly pgVersionFile: string;
  /** Where initdb works, so a half-made cluster never sits at `pgdata`. */
  readonly pgdataStaging: string;
  readonly serverLog: string;
  readonly ownerLock: string;
  readonly passwordFile: string;
}

export function dataFolderLayout(dataDir: string): DataFolderLayout {
  const root = path.resolve(dataDir);
  const pgdata = path.join(root, "pgdata");
  return {
    dataDir: root,
    pgdata,
    pgVersionFile: path.join(pgdata, "PG_VERSION"),
    pgdataStaging: path.join(root, "pgdata.initdb"),
    serverLog: path.join(root, "server.log"),
    ownerLock: path.join(root, "owner.lock"),
    passwordFile: path.join(root, "password"),
  };
}
