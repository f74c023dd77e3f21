import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { EntityManager, Repository } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { Page, PageQuery, toPage } from '../common/pagination';
import { Firm } from '../firms/firm.entity';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ComplexResponse, CreateComplexDto, UpdateComplexDto, toComplexResponse } from './dto/complex.dto';
import { IndustrialComplex } from './industrial-complex.entity';

@Injectable()
export class ComplexesService {
  constructor(
    @InjectRepository(IndustrialComplex) private readonly complexes: Repository<IndustrialComplex>,
    @InjectRepository(Firm) private readonly firms: Repository<Firm>,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** With an Idempotency-Key, a retry gets the first answer instead of a second complex. */
  async create(dto: CreateComplexDto, principal: Principal, idempotencyKey?: string): Promise<ComplexResponse> {
    const request = { scope: `complexes.create by ${principal.subject}`, key: idempotencyKey, request: dto };
    return this.idempotency.run(request, async (manager) => {
      await this.assertNameFree(dto.name, manager);
      const complexes = manager.getRepository(IndustrialComplex);
      return toComplexResponse(await complexes.save(complexes.create({
        name: dto.name,
        region: dto.region,
        centroidLat: dto.centroid.lat,
        centroidLng: dto.centroid.lng,
      })));
    });
  }

  async get(id: string): Promise<ComplexResponse> {
    return toComplexResponse(await this.find(id));
  }

  async list(query: PageQuery): Promise<Page<ComplexResponse>> {
    const result = await this.complexes.findAndCount({
      order: { name: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(query, result, toComplexResponse);
  }

  async update(id: string, dto: UpdateComplexDto): Promise<ComplexResponse> {
    const complex = await this.find(id);
    // null in a PATCH keeps the value, like absent.
    if (dto.name != null && dto.name !== complex.name) await this.assertNameFree(dto.name);
    complex.name = dto.name ?? complex.name;
    complex.region = dto.region ?? complex.region;
    complex.centroidLat = dto.centroid?.lat ?? complex.centroidLat;
    complex.centroidLng = dto.centroid?.lng ?? complex.centroidLng;
    return toComplexResponse(await this.complexes.save(complex));
  }

  /** Removes a complex no firm belongs to (a mistaken entry); complexes with firms stay. */
  async remove(id: string): Promise<void> {
    const complex = await this.find(id);
    const firmCount = await this.firms.countBy({ complexId: complex.id });
    if (firmCount > 0) {
      throw new ConflictError('complex.in_use', `complex ${id} still has ${firmCount} firm(s)`, { firmCount });
    }
    await this.complexes.delete({ id: complex.id });
  }

  /** The complex, or a 404 (also for an id that is not a uuid). */
  async find(id: string): Promise<IndustrialComplex> {
    const complex = isUUID(id) ? await this.complexes.findOneBy({ id }) : null;
    if (!complex) throw new NotFoundError('complex', id);
    return complex;
  }

  /** Through the caller's transaction when in one: the embedded database serves one connection at a time. */
  private async assertNameFree(name: string, manager: EntityManager = this.complexes.manager): Promise<void> {
    if (await manager.existsBy(IndustrialComplex, { name })) {
      throw new ConflictError('complex.duplicate_name', `a complex named ${name} already exists`);
    }
  }
}
