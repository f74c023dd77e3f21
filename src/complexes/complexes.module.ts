import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Firm } from '../firms/firm.entity';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ComplexesController } from './complexes.controller';
import { ComplexesService } from './complexes.service';
import { IndustrialComplex } from './industrial-complex.entity';

@Module({
  imports: [TypeOrmModule.forFeature([IndustrialComplex, Firm]), IdempotencyModule],
  controllers: [ComplexesController],
  providers: [ComplexesService],
  exports: [ComplexesService],
})
export class ComplexesModule {}
