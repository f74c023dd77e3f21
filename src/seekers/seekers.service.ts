import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In, Repository } from 'typeorm';
import { DomainError, NotFoundError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { AvailabilityWindowDto, AvailabilityWindowResponse, toAvailabilityWindowResponse } from './dto/availability.dto';
import { CreateSeekerDto, ListSeekersQuery, SeekerResponse, UpdateSeekerDto, toSeekerResponse } from './dto/seeker.dto';
import { SeekerAvailability } from './seeker-availability.entity';
import { Seeker } from './seeker.entity';
import { seekerRuleViolations } from './seeker-rules';

@Injectable()
export class SeekersService {
  constructor(
    @InjectRepository(Seeker) private readonly seekers: Repository<Seeker>,
    @InjectRepository(SeekerAvailability) private readonly windows: Repository<SeekerAvailability>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The seeker and their availability windows in one transaction: all or nothing. */
  async create(dto: CreateSeekerDto): Promise<SeekerResponse> {
    const availability = dto.availability ?? [];
    assertSeekerRules({ weeklyHours: dto.weeklyHours, availability });
    const id = await this.dataSource.transaction(async (manager) => {
      const seeker = await manager.save(
        manager.create(Seeker, {
          displayName: dto.displayName,
          phone: dto.phone,
          email: dto.email ?? null,
          homeLat: dto.home.lat,
          homeLng: dto.home.lng,
          commuteMode: dto.commuteMode,
          maxCommuteMinutes: dto.maxCommuteMinutes,
          skills: dto.skills,
          certifications: dto.certifications ?? [],
          weeklyHoursMin: dto.weeklyHours.min,
          weeklyHoursMax: dto.weeklyHours.max,
          minHourlyWage: dto.minHourlyWage ?? null,
          blockedFirmIds: dto.blockedFirmIds ?? [],
          consentAt: new Date(),
          status: 'active',
          ...(dto.waitingSince !== undefined && { waitingSince: dto.waitingSince }),
        }),
      );
      if (availability.length > 0) {
        await manager.insert(
          SeekerAvailability,
          availability.map((window) => ({ seekerId: seeker.id, startDate: window.start, endDate: window.end })),
        );
      }
      return seeker.id;
    });
    return this.get(id);
  }

  async get(id: string): Promise<SeekerResponse> {
    const seeker = await this.find(id);
    return toSeekerResponse(seeker, await this.windowsOf([seeker.id]));
  }

  async list(query: ListSeekersQuery): Promise<Page<SeekerResponse>> {
    const [rows, total] = await this.seekers.findAndCount({
      where: query.status !== undefined ? { status: query.status } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    const windows = await this.windowsOf(rows.map((seeker) => seeker.id));
    return toPage(query, [rows, total], (seeker) =>
      toSeekerResponse(
        seeker,
        windows.filter((window) => window.seekerId === seeker.id),
      ),
    );
  }

  async update(id: string, dto: UpdateSeekerDto): Promise<SeekerResponse> {
    const seeker = await this.find(id);
    const weeklyHours = dto.weeklyHours ?? { min: seeker.weeklyHoursMin, max: seeker.weeklyHoursMax };
    assertSeekerRules({ weeklyHours });
    Object.assign(seeker, {
      displayName: dto.displayName ?? seeker.displayName,
      phone: dto.phone ?? seeker.phone,
      email: dto.email === undefined ? seeker.email : dto.email,
      homeLat: dto.home?.lat ?? seeker.homeLat,
      homeLng: dto.home?.lng ?? seeker.homeLng,
      commuteMode: dto.commuteMode ?? seeker.commuteMode,
      maxCommuteMinutes: dto.maxCommuteMinutes ?? seeker.maxCommuteMinutes,
      skills: dto.skills ?? seeker.skills,
      certifications: dto.certifications ?? seeker.certifications,
      weeklyHoursMin: weeklyHours.min,
      weeklyHoursMax: weeklyHours.max,
      minHourlyWage: dto.minHourlyWage === undefined ? seeker.minHourlyWage : dto.minHourlyWage,
      blockedFirmIds: dto.blockedFirmIds ?? seeker.blockedFirmIds,
      waitingSince: dto.waitingSince ?? seeker.waitingSince,
      status: dto.status ?? seeker.status,
    });
    await this.seekers.save(seeker);
    return this.get(id);
  }

  async listAvailability(seekerId: string): Promise<AvailabilityWindowResponse[]> {
    const seeker = await this.find(seekerId);
    return (await this.windowsOf([seeker.id])).map(toAvailabilityWindowResponse);
  }

  /** Adds one window: on a phone, adding and removing single windows beats resending the list. */
  async addAvailability(seekerId: string, dto: AvailabilityWindowDto): Promise<AvailabilityWindowResponse> {
    const seeker = await this.find(seekerId);
    assertSeekerRules({ availability: [dto] }, (field) => field.replace(/^availability\[0\]\./, ''));
    const window = await this.windows.save(
      this.windows.create({ seekerId: seeker.id, startDate: dto.start, endDate: dto.end }),
    );
    return toAvailabilityWindowResponse(window);
  }

  async removeAvailability(seekerId: string, windowId: string): Promise<void> {
    const seeker = await this.find(seekerId);
    const window = isUUID(windowId) ? await this.windows.findOneBy({ id: windowId, seekerId: seeker.id }) : null;
    if (!window) throw new NotFoundError('availability_window', windowId);
    await this.windows.delete({ id: window.id });
  }

  /** The seeker, or a 404 (also for an id that is not a uuid). */
  async find(id: string): Promise<Seeker> {
    const seeker = isUUID(id) ? await this.seekers.findOneBy({ id }) : null;
    if (!seeker) throw new NotFoundError('seeker', id);
    return seeker;
  }

  private windowsOf(seekerIds: string[]): Promise<SeekerAvailability[]> {
    if (seekerIds.length === 0) return Promise.resolve([]);
    return this.windows.find({ where: { seekerId: In(seekerIds) }, order: { startDate: 'ASC', id: 'ASC' } });
  }
}

function assertSeekerRules(
  input: Parameters<typeof seekerRuleViolations>[0],
  fieldOf: (field: string) => string = (field) => field,
): void {
  const problems = seekerRuleViolations(input);
  if (problems.length === 0) return;
  throw new DomainError(
    'validation',
    problems[0].code,
    problems.map((problem) => problem.message).join('; '),
    problems.map(({ field, message }) => ({ field: fieldOf(field), message })),
  );
}
