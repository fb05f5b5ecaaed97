export class Lead { contactId!: string; email!: string }
export class Note { contactId!: string; phone!: string; text!: string }
