import { Module } from '@nestjs/common';
import { CallListService } from './call-list.service';
import { ExpectedLeaveImportService } from './expected-leave-import.service';
import { OutreachContactsService } from './outreach-contacts.service';
import { OutreachController } from './outreach.controller';

@Module({
  controllers: [OutreachController],
  providers: [ExpectedLeaveImportService, CallListService, OutreachContactsService],
})
export class OutreachModule {}
