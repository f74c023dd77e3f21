import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { firmScopeOf } from '../auth/ownership';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, RuleViolation } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { IndustrialComplex } from '../complexes/industrial-complex.entity';
import type { LocationDto } from '../common/location.dto';
import { GeocodingService } from '../geocoding/geocoding.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { cancelOpenLeaveGaps } from '../leave-gaps/cancel-open-leave-gaps';
import { ProposalLifecycle } from '../proposals/proposal-lifecycle';
import { ReferralLifecycle } from '../referrals/referral-lifecycle';
import { isFirmFlagged } from '../referrals/referral-rules';
import { CreateFirmDto, FirmResponse, ListFirmsQuery, UpdateFirmDto, toFirmResponse } from './dto/firm.dto';
import { Firm } from './firm.entity';

@Injectable()
export class FirmsService {
  constructor(
    @InjectRepository(Firm) private readonly firms: Repository<Firm>,
    @InjectRepository(IndustrialComplex) private readonly complexes: Repository<IndustrialComplex>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly geocoding: GeocodingService,
    private readonly proposals: ProposalLifecycle,
    private readonly referrals: ReferralLifecycle,
  ) {}

  /** With an Idempotency-Key, a retry gets the first answer instead of a second firm. */
  async create(dto: CreateFirmDto, principal: Principal, idempotencyKey?: string): Promise<FirmResponse> {
    const request = { scope: `firms.create by ${principal.subject}`, key: idempotencyKey, request: dto };
    // Located before the transaction: no connection is held while a geocoding API answers.
    const site = dto.site ?? (await this.geocoding.locate(dto.address, 'address'));
    return this.idempotency.run(request, async (manager) => toFirmResponse(await this.insertWithin(manager, dto, site)));
  }

  /** Inserts the firm within the caller's transaction (a sheet import writes many in one), its site located beforehand. */
  async insertWithin(manager: EntityManager, dto: CreateFirmDto, site: LocationDto): Promise<Firm> {
    await this.assertComplexExists(dto.complexId, manager);
    await this.assertBusinessNumberFree(dto.businessNumber, manager);
    const firms = manager.getRepository(Firm);
    return firms.save(firms.create({
      name: dto.name,
      businessNumber: dto.businessNumber,
      employeeCount: dto.employeeCount,
      prioritySupport: dto.prioritySupport,
      complexId: dto.complexId,
      address: dto.address,
      siteLat: site.lat,
      siteLng: site.lng,
      status: 'active',
    }));
  }

  /** A firm user gets its own firm only: any other id is a 404. */
  async get(id: string, principal: Principal): Promise<FirmResponse> {
    const response = toFirmResponse(await this.find(id, firmScopeOf(principal)));
    if (principal.role !== 'coordinator') return response;
    const [{ uncoded }]: { uncoded: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS uncoded FROM referrals WHERE firm_id = $1 AND status = 'firm_declined' AND reason_code IS NULL`,
      [response.id],
    );
    return { ...response, referralDeclines: { uncodedDeclines: uncoded, flagged: isFirmFlagged(uncoded) } };
  }

  /** A firm user's list holds its own firm at most, whatever the filters. */
  async list(query: ListFirmsQuery, principal: Principal): Promise<Page<FirmResponse>> {
    const ownFirmId = firmScopeOf(principal);
    const result = await this.firms.findAndCount({
      // TypeORM 1.x refuses undefined in `where`: only the filters given.
      where: {
        ...(ownFirmId !== undefined && { id: ownFirmId }),
        ...(query.complexId !== undefined && { complexId: query.complexId }),
        ...(query.status !== undefined && { status: query.status }),
        ...(query.businessNumber !== undefined && { businessNumber: query.businessNumber }),
      },
      order: { name: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(query, result, toFirmResponse);
  }

  async update(id: string, dto: UpdateFirmDto): Promise<FirmResponse> {
    const firm = await this.findActive(id);
    // null in a PATCH keeps the value, like absent.
    if (dto.complexId != null) await this.assertComplexExists(dto.complexId);
    if (dto.businessNumber != null && dto.businessNumber !== firm.businessNumber) {
      await this.assertBusinessNumberFree(dto.businessNumber);
    }
    firm.name = dto.name ?? firm.name;
    firm.businessNumber = dto.businessNumber ?? firm.businessNumber;
    firm.employeeCount = dto.employeeCount ?? firm.employeeCount;
    firm.prioritySupport = dto.prioritySupport ?? firm.prioritySupport;
    firm.complexId = dto.complexId ?? firm.complexId;
    // A new address without coordinates moves the site to where the address is.
    const site = dto.site ?? (dto.address != null && dto.address !== firm.address ? await this.geocoding.locate(dto.address, 'address') : undefined);
    firm.address = dto.address ?? firm.address;
    firm.siteLat = site?.lat ?? firm.siteLat;
    firm.siteLng = site?.lng ?? firm.siteLng;
    return toFirmResponse(await this.firms.save(firm));
  }

  /**
   * A firm leaving the programme: its open leave gaps are cancelled with it, so that no
   * match run proposes anyone for them. Cancelling twice is harmless.
   */
  async cancel(id: string): Promise<FirmResponse> {
    const firm = await this.find(id);
    if (firm.status === 'cancelled') return toFirmResponse(firm);
    await this.dataSource.transaction(async (manager) => {
      // First the firm row: a gap being posted holds it (FOR SHARE, see lockActive) until it is
      // written, so every gap is either committed before this and cancelled below, or refused.
      await manager.query(`SELECT id FROM firms WHERE id = $1 FOR UPDATE`, [firm.id]);
      await cancelOpenLeaveGaps(manager, this.proposals, this.referrals, { firmId: firm.id });
      await manager.update(Firm, { id: firm.id }, { status: 'cancelled' });
    });
    return toFirmResponse(await this.find(id));
  }

  /** The firm, or a 404 (also for an id that is not a uuid, or outside `withinFirm` when given). */
  async find(id: string, withinFirm?: string, manager: EntityManager = this.firms.manager): Promise<Firm> {
    const visible = isUUID(id) && (withinFirm === undefined || withinFirm === id);
    const firm = visible ? await manager.findOneBy(Firm, { id }) : null;
    if (!firm) throw new NotFoundError('firm', id);
    return firm;
  }

  /**
   * The firm, locked against cancellation until the caller's transaction ends, if it can still
   * post: what is written under it cannot outlive a cancellation that would have covered it.
   */
  async lockActive(manager: EntityManager, id: string, withinFirm?: string): Promise<Firm> {
    // Through the caller's transaction: the embedded database serves one connection at a time.
    const found = await this.find(id, withinFirm, manager);
    const [row]: { status: string }[] = await manager.query(`SELECT status FROM firms WHERE id = $1 FOR SHARE`, [found.id]);
    if (row.status !== 'active') throw new ConflictError('firm.cancelled', `firm ${id} is cancelled`);
    return manager.findOneByOrFail(Firm, { id: found.id });
  }

  /** The firm if it can still post and change things: 409 once cancelled. */
  async findActive(id: string, withinFirm?: string): Promise<Firm> {
    const firm = await this.find(id, withinFirm);
    if (firm.status !== 'active') throw new ConflictError('firm.cancelled', `firm ${id} is cancelled`);
    return firm;
  }

  private async assertComplexExists(complexId: string, manager: EntityManager = this.complexes.manager): Promise<void> {
    if (!(await manager.existsBy(IndustrialComplex, { id: complexId }))) {
      throw new RuleViolation('firm.unknown_complex', 'complexId', `complex ${complexId} does not exist`);
    }
  }

  /** Checked first for a clear code; a concurrent duplicate still meets the unique constraint (409). */
  private async assertBusinessNumberFree(businessNumber: string, manager: EntityManager = this.firms.manager): Promise<void> {
    if (await manager.existsBy(Firm, { businessNumber })) {
      throw new ConflictError(
        'firm.duplicate_business_number',
        'a firm with this business registration number is already registered',
      );
    }
  }
}
