/**
 * `npm start`: the demo shop with Macaron's banner, the ledger on SQLite (./macaron.db) and the
 * admin dashboard, at one printed URL. PORT, HOST and DATABASE_URL override the defaults.
 */
import { DEFAULT_DEMO_PORT, startDemo } from "./demo-server.ts";

function portFromEnvironment(): number {
  const text = process.env.PORT;
  if (text === undefined || text === "") return DEFAULT_DEMO_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`PORT must be a port number between 0 and 65535, not "${text}"`);
    process.exit(2);
  }
  return port;
}

const demo = await startDemo({
  host: process.env.HOST || "127.0.0.1",
  port: portFromEnvironment(),
  db: process.env.DATABASE_URL || "sqlite:./macaron.db",
}).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  console.error(
    code === "EADDRINUSE"
      ? "The port is taken: stop the other server or run PORT=8081 npm start"
      : `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});

console.log(`Les Petits Prödiges, with Macaron:  ${demo.url}/`);
console.log(`Cookie policy:                      ${demo.url}/cookie-policy`);
console.log(`Admin dashboard:                    ${demo.url}/admin`);
console.log(`Admin token (valid until revoked):  ${demo.adminToken}`);
console.log("Stop with Ctrl+C.");

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
