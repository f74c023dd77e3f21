import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { embeddedDatabaseUrl } from './embedded-database';
import { postgresOptions } from './typeorm-options';

/**
 * For the TypeORM CLI (`npm run migration:run`, `migration:revert`). Without DATABASE_URL it
 * connects to the embedded database of the running service (only that process may open
 * the data folder), at EMBEDDED_DB_PORT.
 */
const environment = loadEnvironment();

export default new DataSource({
  ...postgresOptions({
    url: environment.DATABASE_URL ?? embeddedDatabaseUrl(environment.EMBEDDED_DB_PORT),
    poolSize: 2,
  }),
  entities: [`${__dirname}/../**/*.entity.{ts,js}`],
});
