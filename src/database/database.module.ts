import { Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseConnection, DatabaseConnectionModule } from './database-connection';
import { runMigrationsExclusively } from './exclusive-migrations';
import { SafeTypeOrmLogger } from './safe-typeorm-logger';
import { postgresOptions } from './typeorm-options';

/**
 * Closes the pool before the embedded server stops: the other order leaves the pool's
 * clients talking to a closed socket. Nest's own TypeORM hook then finds it closed.
 */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: DatabaseConnection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.connection.embedded) {
      await this.connection.embedded.stop();
      new Logger('EmbeddedDatabase').log('stopped');
    }
  }
}

@Module({
  imports: [
    DatabaseConnectionModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseConnectionModule],
      inject: [DatabaseConnection, AppConfig],
      useFactory: (connection: DatabaseConnection, config: AppConfig) => ({
        ...postgresOptions({
          url: connection.url,
          poolSize: config.databasePoolSize,
          logger: new SafeTypeOrmLogger(undefined, config.logLevel === 'trace'),
        }),
        autoLoadEntities: true,
        retryAttempts: 2,
        retryDelay: 1_000,
      }),
      // Migrations at start-up, under a lock: instances starting together must not race on them.
      dataSourceFactory: async (options?: DataSourceOptions) => {
        const dataSource = await new DataSource(options as DataSourceOptions).initialize();
        try {
          await runMigrationsExclusively(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
  ],
  providers: [DatabaseShutdown],
  exports: [DatabaseConnectionModule],
})
export class DatabaseModule {}
