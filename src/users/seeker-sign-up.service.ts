import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SeekersService } from '../seekers/seekers.service';
import { insertAccount } from './accounts';
import { SeekerSignUpDto } from './dto/sign-up.dto';
import { Session, UsersService } from './users.service';

/** A job seeker registers on the console: the seeker and their account in one transaction. */
@Injectable()
export class SeekerSignUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seekers: SeekersService,
    private readonly users: UsersService,
  ) {}

  async signUp(dto: SeekerSignUpDto): Promise<Session> {
    const user = await this.dataSource.transaction(async (manager) => {
      const seekerId = await this.seekers.insertWithin(manager, dto.seeker);
      return insertAccount(manager, {
        email: dto.email,
        password: dto.password,
        role: 'seeker',
        displayName: dto.seeker.displayName,
        seekerId,
      });
    });
    return this.users.sessionOf(user);
  }
}
