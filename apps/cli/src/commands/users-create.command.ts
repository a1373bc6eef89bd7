import { Command, CommandRunner, Option } from 'nest-commander';
import { AuthService, REGIONS, ROLES, type RegionCode, type Role } from '../../../../libs/core/src/index.js';

interface Options {
  email: string;
  role: Role;
  region?: RegionCode;
  space?: string[];
}

@Command({
  name: 'users:create',
  description: 'Create a user; the password is read from the environment variable NEW_USER_PASSWORD',
})
export class UsersCreateCommand extends CommandRunner {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    // Never on the command line, where it would end up in shell history and process lists.
    const password = process.env.NEW_USER_PASSWORD;
    if (!password) throw new Error('Set NEW_USER_PASSWORD to the new user password.');
    const { id } = await this.auth.createUser({
      email: options.email,
      password,
      role: options.role,
      region: options.region,
      spaceRefs: options.space,
    });
    console.log(`created user ${id} (${options.role})`);
  }

  @Option({ flags: '--email <email>', required: true })
  parseEmail(value: string) {
    return value;
  }

  @Option({ flags: '--role <role>', required: true, description: ROLES.join(' | ') })
  parseRole(value: string) {
    if (!ROLES.includes(value as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
    return value;
  }

  @Option({ flags: '--region <region>', description: REGIONS.join(' | ') })
  parseRegion(value: string) {
    if (!REGIONS.includes(value as RegionCode))
      throw new Error(`region must be one of ${REGIONS.join(', ')}`);
    return value;
  }

  @Option({ flags: '--space <ref>', description: 'a space ref; repeat for several' })
  parseSpace(value: string, previous: string[] = []) {
    return [...previous, value];
  }
}
