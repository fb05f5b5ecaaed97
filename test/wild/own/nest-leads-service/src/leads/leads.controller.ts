import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { LeadsService, WebhookPayload } from './leads.service';
import { ApiKeyGuard } from './api-key.guard';

@Controller()
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post('web1on1')
  @HttpCode(200)
  async receive(@Body() payload: WebhookPayload) {
    if (payload.event === 'message.create.contact.chat') {
      await this.leads.handleContactMessage(payload.data.message);
    }
    return { ok: true };
  }

  @Get('leads/export')
  @UseGuards(ApiKeyGuard)
  async export(@Res() res: Response) {
    const rows = await this.leads.exportCsv();
    res.type('text/csv').send(rows);
  }
}
