import type { Type as Class } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

/** Query parameters shared by every list endpoint; feature list queries extend it. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = 20;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The OpenAPI shape of a page of `item`: `export class FirmPage extends PageOf(FirmResponse) {}`. */
export function PageOf<T>(item: Class<T>): Class<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty() page: number;
    @ApiProperty() pageSize: number;
    @ApiProperty() total: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name}PageOf` });
  return PageOfItems;
}

export function toPage<E, T>(query: PageQuery, [rows, total]: [E[], number], map: (row: E) => T): Page<T> {
  return { items: rows.map(map), page: query.page, pageSize: query.pageSize, total };
}
