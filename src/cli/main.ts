// The `rapport` command line: start the desk, migrate, load the demo, create users and API tokens,
// back up and restore.
import { Command, CommanderError, Option } from "commander";
import { roles } from "../domain/access/roles.ts";
import { backupCommand, restoreCommand } from "./backup-commands.ts";
import {
  createTokenCommand,
  createUserCommand,
  demoCommand,
  listTokensCommand,
  mailCheckCommand,
  migrateCommand,
  revokeTokenCommand,
  startCommand,
} from "./commands.ts";
import { eraseCustomerCommand } from "./customer-commands.ts";
import { importCommand } from "./import-commands.ts";
import { runCommand } from "./run-command.ts";

const program = new Command("rapport")
  .description(
    "Rapport, the desk that answers every customer.\n" +
      "Commands other than start attach to the database of a running Rapport (never a second one).",
  )
  .addHelpText(
    "after",
    `
Environment (the same for every command):
  RAPPORT_DATA_DIR   the data folder: embedded database, blobs, outbox (default ./data)
  DATABASE_URL       a PostgreSQL server (>= 15) instead of the embedded one
  PORT, HOST         the HTTP listener (default 3000 on 127.0.0.1; 0 picks a free port)
  SMTP_PORT          the inbound SMTP listener (default 2525)
  RAPPORT_DEMO       load the demo story on first start (default 1 embedded, 0 with DATABASE_URL)
  LOG_LEVEL          logs are JSON on stderr (default info); stdout carries only results

Exit codes: 0 done, 1 failed, 2 bad usage.

Examples:
  rapport start
  rapport user create --email ana@example.com --name "Ana Silva" --role advisor --password-stdin < pw.txt
  rapport import customers shop-customers.csv --dry-run
  rapport backup /var/backups/rapport-$(date +%F).zip
  RAPPORT_DATA_DIR=./restored rapport restore /var/backups/rapport-2026-12-05.zip
  rapport token create --name ci --role admin --expires 90d
  rapport token revoke 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b`,
  )
  .exitOverride()
  .showHelpAfterError();

program
  .command("start")
  .description(
    "start the desk: HTTP API and console, SMTP intake, jobs (embedded database unless DATABASE_URL)",
  )
  .action(() => runCommand(startCommand));

program
  .command("migrate")
  .description("apply pending database migrations, then exit")
  .action(() => runCommand(migrateCommand));

program
  .command("demo")
  .description("load the demo story (brands, advisors, customers, conversations) if not loaded yet")
  .action(() => runCommand(demoCommand));

const user = program.command("user").description("manage the people who use the desk");
user
  .command("create")
  .description("create a user (advisor, manager or admin)")
  .requiredOption("--email <email>", "their email address (their login)")
  .requiredOption("--name <name>", "their name, as customers will see it")
  .addOption(new Option("--role <role>", "what they may do").choices(roles).makeOptionMandatory())
  .option(
    "--password-stdin",
    "read the password from standard input (else one is generated and printed)",
  )
  .option("--language <languages>", "languages they work in, comma-separated", "en")
  .action((options) => runCommand(() => createUserCommand(options)));

const token = program.command("token").description("manage API tokens");
token
  .command("create")
  .description("create an API token; prints it as the last line (it is shown only once)")
  .requiredOption("--name <name>", "what the token is for")
  .addOption(new Option("--role <role>", "what it may do").choices(roles).makeOptionMandatory())
  .option("--user <email>", "bind the token to this user: it then acts as them")
  .option("--expires <when>", "stop it working then: 90d, 12h, or an ISO date (2027-01-31)")
  .action((options) => runCommand(() => createTokenCommand(options)));
token
  .command("revoke")
  .description("revoke an API token at once (the next request with it is refused)")
  .argument("<id>", "the token's id (see token list)")
  .action((id: string) => runCommand(() => revokeTokenCommand(id)));
token
  .command("list")
  .description("list API tokens, newest first: id, status, role, user, last use, name")
  .action(() => runCommand(listTokensCommand));

const mail = program.command("mail").description("outbound mail that arrives");
mail
  .command("check")
  .description("print the DNS records (SPF, DKIM, DMARC) to publish for each brand's domain")
  .option(
    "--sender <spec...>",
    "who sends for the domains, as SPF mechanisms: include:relay.example, an IP, mx or a (default: the relay's host, else mx)",
  )
  .action((options) => runCommand(() => mailCheckCommand(options)));

const customer = program.command("customer").description("a person's data");
customer
  .command("erase")
  .description(
    "erase a customer everywhere (identities, messages, files, history details); cannot be undone",
  )
  .argument("<id>", "the customer's id")
  .action((id: string) => runCommand(() => eraseCustomerCommand(id)));

program
  .command("import")
  .description(
    "create or update customers or orders from a CSV file, keyed by external_id (see README for the columns); exit 1 when rows were rejected",
  )
  .argument("<what>", "customers or orders")
  .argument("<file>", "a CSV file with a header line")
  .option("--dry-run", "check the file and say what would change, writing nothing")
  .action((what: string, file: string, options) =>
    runCommand(() => importCommand(what, file, options)),
  );

program
  .command("backup")
  .description(
    "write the whole desk (database at one instant, stored mails and attachments) to FILE, while it runs or not",
  )
  .argument("<file>", "the backup file to write (a ZIP)")
  .action((file: string) => runCommand(() => backupCommand(file)));

program
  .command("restore")
  .description(
    "make a new desk in the (empty) data folder from a backup, with the embedded database",
  )
  .argument("<file>", "a file written by rapport backup")
  .option("--force", "replace what the data folder holds (it must not be in use)")
  .action((file: string, options) => runCommand(() => restoreCommand(file, options)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  throw error;
}
