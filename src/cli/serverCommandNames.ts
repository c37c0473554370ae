// The names of the server's commands, apart from their code so `gapmap --help` does not load it.
export const SERVER_COMMANDS = ['serve', 'backup', 'restore', 'users'] as const;
export type ServerCommand = (typeof SERVER_COMMANDS)[number];
