import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('profiles')
export class ProfileEntity {
  @PrimaryColumn() psid!: string;
  @Column() firstName!: string;
  @Column({ nullable: true }) lastName?: string;
  @Column({ nullable: true }) email?: string;
  @Column() contactId!: string;
  @Column() conversationId!: string;
  @CreateDateColumn() createdAt!: Date;
}
