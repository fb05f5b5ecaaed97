// Rows read from the app's own database, and objects named and read like a person.
import winston from 'winston';
import { PrismaClient } from '@prisma/client';
import mongoose from 'mongoose';

const prisma = new PrismaClient();
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const Lead = mongoose.model('Lead', new mongoose.Schema({ name: String, email: String }));
const Setting = mongoose.model('Setting', new mongoose.Schema({ key: String, value: String }));

export async function report(): Promise<void> {
  const customers = await prisma.customer.findMany({ take: 10 });
  // ruleid: personal-data-logged messageId=logged
  logger.info('customers', { customers });
  const lead = await Lead.findOne({ status: 'new' }).lean();
  // ruleid: personal-data-logged messageId=logged
  logger.info(lead);
  const settings = await Setting.find({}).lean();
  // stored, but not people's records
  // ok: personal-data-logged
  logger.info('settings', settings);
  // ok: personal-data-logged
  logger.info('counts', { customers: customers.length, lead: lead?._id });
}

export function greet(customer: { id: string; email: string; name: string }): string {
  // the file reads customer.email: a customer object is a person's record
  // ruleid: personal-data-logged messageId=logged
  logger.warn('greeting', { customer });
  // ok: personal-data-logged
  logger.warn('greeting', { customerId: customer.id });
  return `Hallo ${customer.name}, we mailen ${customer.email}`;
}
