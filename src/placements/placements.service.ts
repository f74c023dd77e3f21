import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { Repository } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { Page, toPage } from '../common/pagination';
import { ListPlacementsQuery, PlacementResponse, toPlacementResponse } from './dto/placement.dto';
import { Placement } from './placement.entity';

/** Read side of placements; confirming and cancelling come with the matching workflow. */
@Injectable()
export class PlacementsService {
  constructor(@InjectRepository(Placement) private readonly placements: Repository<Placement>) {}

  async get(id: string): Promise<PlacementResponse> {
    const placement = isUUID(id) ? await this.placements.findOneBy({ id }) : null;
    if (!placement) throw new NotFoundError('placement', id);
    return toPlacementResponse(placement);
  }

  async list(query: ListPlacementsQuery): Promise<Page<PlacementResponse>> {
    const result = await this.placements.findAndCount({
      where: {
        ...(query.seekerId !== undefined && { seekerId: query.seekerId }),
        ...(query.leaveGapId !== undefined && { leaveGapId: query.leaveGapId }),
        ...(query.status !== undefined && { status: query.status }),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(query, result, toPlacementResponse);
  }
}
