// The `rapport` command line: start the desk, migrate, load the demo, create users and API tokens.
import { Command, CommanderError, Option } from "commander";
import { roles } from "../domain/access/roles.ts";
import {
  createTokenCommand,
  createUserCommand,
  demoCommand,
  migrateCommand,
  startCommand,
} from "./commands.ts";
import { runCommand } from "./run-command.ts";

const program = new Command("rapport")
  .description(
    "Rapport, the desk that answers every customer.\n" +
      "Every command reads the same environment variables (PORT, SMTP_PORT, RAPPORT_DATA_DIR, DATABASE_URL, …);\n" +
      "see the README. Commands other than start attach to a running Rapport's database.",
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
  .action((options) => runCommand(() => createTokenCommand(options)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  throw error;
}
