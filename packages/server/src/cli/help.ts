/**
 * The CLI's help texts.
 * @module
 */

const DATABASE = `Database (every command):
  --data-dir DIR        embedded database directory (default ./.partnerkit/data,
                        or PARTNERKIT_DATA_DIR)
  --database-url URL    a PostgreSQL server instead (or DATABASE_URL)
  An empty directory or database is created and migrated on first use.`;

export const HELP: Record<string, string> = {
  main: `partnerkit-server: the PartnerKit reference backend

Usage: partnerkit-server <command> [options]

Commands:
  start         serve the v1 API over HTTP
  seed          fill an empty database with generated demo or benchmark data
  keys create   create an admin API key (printed once)
  keys list     list admin keys (never the keys themselves)
  keys revoke   revoke an admin key by id
  migrate       apply pending database migrations and exit

Run "partnerkit-server <command> --help" for a command's options.
Environment: PARTNERKIT_SECRET, DATABASE_URL, PARTNERKIT_DATA_DIR, PARTNERKIT_ALLOW_ORIGINS.
Docs: docs/server.md`,

  start: `Usage: partnerkit-server start [options]

Serve the PartnerKit v1 API. Stops gracefully on SIGINT or SIGTERM: in-flight requests
finish, then the database closes.

Options:
  --port N              TCP port (default 8787, or PORT)
  --host HOST           interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --seed demo           seed demo data first when the database is empty
  --allow-origin URL    allow browser calls from this origin (repeat for more;
                        or PARTNERKIT_ALLOW_ORIGINS=comma,separated)
  --body-limit BYTES    largest request body (default 1048576)
  --rate-limit N        requests per minute per session (default 600; admin keys 10x)
  --rate-limit KIND=N   requests per minute for one kind of caller (repeat for more):
                        session (600), admin (6000), anonymous (60 per address),
                        publishable (1200 per key), public-address (20 per address)
  --no-rate-limit       turn rate limits off (benchmarks only)
  --no-compression      send answers uncompressed (behind a proxy that compresses)
  --log-level LEVEL     debug, info (default), warn or error
  --sweep-interval MS   how often protections are expired (default 60000)
  --tier-sweep-interval MS
                        least time between evaluations of every partner's tier,
                        shared by every server on the database (default 3600000)

${DATABASE}`,

  seed: `Usage: partnerkit-server seed [options]

Generate realistic, deterministic data into an EMPTY database: four tiers, eight KPIs,
partners of every type, monthly measurements, deals in every state and an English and
Vietnamese resource library. The same --seed and --as-of give the same data.

A seed that was stopped half-way (killed, crashed) is finished by running it again with the
same options (or none): the deals already written are kept, the rest are added, and it says
so. --resume finishes it whatever the options.

Options:
  --profile NAME        demo (24 partners, 400 deals; default) or bench (1000, 100000)
  --partners N          number of partners
  --deals N             number of deal registrations
  --resources N         number of library items
  --months N            months of measurements (default 24)
  --seed N              random seed (default 1)
  --as-of DATE          the day the data is generated as of (default today)
  --resume              only finish an unfinished seed, with its recorded options

${DATABASE}`,

  keys: `Usage: partnerkit-server keys create --name NAME
       partnerkit-server keys list
       partnerkit-server keys revoke ID

Admin API keys call every operation, including minting sessions. "create" prints the new
key once on stdout, after reading it back from the database; only its hash is stored, so keep
it safe. "revoke" takes effect at once. While a server runs on the same data directory, these
commands go through it.

${DATABASE}`,

  migrate: `Usage: partnerkit-server migrate [options]

Apply pending migrations and print the schema version. The server also migrates at start;
run this to upgrade a database ahead of a deploy.

${DATABASE}`,
};
