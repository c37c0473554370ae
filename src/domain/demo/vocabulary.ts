// The words the demo generator draws from (SPEC §7 "a realistic demo organisation"): names from
// many cultures, teams, roles, skills by category, issuers. Plain data, no logic.

export const FIRST_NAMES = [
  'Aisha', 'Akira', 'Alejandro', 'Alice', 'Amara', 'Ana', 'Anders', 'Andrés', 'Anjali', 'Arjun',
  'Astrid', 'Ayumi', 'Bianca', 'Bogdan', 'Camille', 'Carlos', 'Chen', 'Chidi', 'Chloé', 'Daniel',
  'Dariusz', 'Deepa', 'Diego', 'Dmitri', 'Elena', 'Elif', 'Emeka', 'Emma', 'Fatima', 'Felix',
  'Fernanda', 'Finn', 'Folake', 'Francesca', 'Gabriel', 'Giulia', 'Grace', 'Hamza', 'Hana', 'Hannah',
  'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isabel', 'Ivan', 'Jakub', 'Jamal', 'James', 'Javier',
  'Ji-woo', 'Joanna', 'João', 'Jonas', 'Julia', 'Kai', 'Kavya', 'Kenji', 'Khadija', 'Kofi',
  'Laila', 'Lars', 'Laura', 'Lea', 'Leilani', 'Liam', 'Lin', 'Lucas', 'Lucía', 'Magdalena',
  'Mahmoud', 'Maja', 'Malik', 'Marco', 'María', 'Mateo', 'Mei', 'Mia', 'Mihai', 'Min-jun',
  'Mohammed', 'Nadia', 'Naledi', 'Nikhil', 'Niamh', 'Noah', 'Nour', 'Oliver', 'Olga', 'Omar',
  'Oskar', 'Patrick', 'Pedro', 'Priya', 'Rafael', 'Rahul', 'Rania', 'Ravi', 'Rosa', 'Rui',
  'Saanvi', 'Samuel', 'Sara', 'Sebastián', 'Seo-yeon', 'Siobhan', 'Sofia', 'Søren', 'Sunita', 'Tariq',
  'Thandiwe', 'Théo', 'Tomás', 'Tuan', 'Valentina', 'Vikram', 'Wei', 'Yara', 'Yusuf', 'Zanele',
  'Zeynep', 'Zoë', 'Zofia', 'Ahmed', 'Beatriz', 'Björn', 'Catalina', 'Dong-hyun', 'Eero', 'Farah',
] as const;

export const LAST_NAMES = [
  'Abdullah', 'Adeyemi', 'Agarwal', 'Almeida', 'Andersson', 'Bakker', 'Banda', 'Becker', 'Bianchi', 'Bose',
  'Brennan', 'Castillo', 'Chatterjee', 'Chen', 'Costa', 'Dubois', 'Dvořák', 'Eriksen', 'Fernández', 'Fischer',
  'Fontaine', 'García', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Hoang', 'Horvath', 'Ibrahim',
  'Ivanova', 'Jansen', 'Jensen', 'Kaur', 'Kawasaki', 'Khan', 'Kim', 'Kowalski', 'Krishnan', 'Kuznetsov',
  'Larsen', 'Lee', 'Lefebvre', 'Li', 'Lindqvist', 'Liu', 'Lopez', 'Mahlangu', 'Martin', 'Martins',
  'Mensah', 'Meyer', 'Moreau', 'Müller', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Nowak', 'Okafor',
  'Okonkwo', "O'Brien", 'Olsen', 'Osei', 'Papadopoulos', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu',
  'Rahman', 'Ramírez', 'Reddy', 'Rossi', 'Santos', 'Sato', 'Schmidt', 'Schneider', 'Sharma', 'Silva',
  'Singh', 'Smith', 'Sokolov', 'Suzuki', 'Svensson', 'Tanaka', 'Tran', 'Van der Berg', 'Virtanen', 'Wagner',
  'Walsh', 'Wang', 'Weber', 'Williams', 'Wójcik', 'Yamamoto', 'Yilmaz', 'Yusuf', 'Zhang', 'Zulu',
  'Achebe', 'Bergström', 'Correia', 'Demir', 'El-Amin', 'Ferrari', 'Gallagher', 'Halvorsen', 'Iyer', 'Jovanović',
] as const;

export const LOCATIONS = [
  'Amsterdam', 'Berlin', 'Dublin', 'Lisbon', 'London', 'Madrid', 'Paris', 'Warsaw', 'Stockholm', 'Remote',
  'Bengaluru', 'Singapore', 'Toronto', 'Austin', 'São Paulo', 'Cape Town', 'Nairobi', 'Tokyo',
] as const;

export const SKILL_CATEGORIES = ['technical', 'data', 'cloud', 'security', 'soft', 'compliance', 'leadership'] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** Skill names by category, most common first: the generator takes them round-robin across categories. */
export const SKILL_NAMES: Readonly<Record<SkillCategory, readonly string[]>> = {
  technical: [
    'TypeScript', 'Python', 'Java', 'Git', 'REST API design', 'Automated testing', 'React', 'Go',
    'Kotlin', 'C#', 'Node.js', 'Linux administration', 'Shell scripting', 'GraphQL', 'Rust', 'Swift',
    'Microservices architecture', 'Performance profiling', 'Accessibility engineering', 'Mobile development',
    'Event-driven design', 'Domain-driven design', 'Code review', 'Software architecture', 'Scala', 'PHP',
    'Ruby', 'C++', 'Embedded systems', 'Networking fundamentals',
  ],
  data: [
    'SQL', 'Data modelling', 'Data visualisation', 'Statistics', 'ETL pipelines', 'Spreadsheet analysis',
    'Machine learning', 'Data quality management', 'Apache Spark', 'dbt', 'Experiment design', 'Forecasting',
    'Business intelligence', 'Data governance', 'Stream processing', 'Natural language processing',
    'Deep learning', 'MLOps', 'Master data management', 'Geospatial analysis', 'Survey analysis',
    'Time series analysis', 'Data warehousing', 'Metadata management', 'Prompt engineering',
  ],
  cloud: [
    'Cloud fundamentals', 'Kubernetes', 'Infrastructure as code', 'CI/CD pipelines', 'Containerisation',
    'Observability', 'Cloud cost management', 'Serverless computing', 'Site reliability engineering',
    'Cloud networking', 'Identity and access management', 'Incident response on call', 'Service mesh',
    'Cloud storage', 'Disaster recovery', 'Capacity planning', 'Multi-cloud architecture', 'Edge computing',
    'Release engineering', 'Configuration management', 'Platform engineering', 'Cloud migration',
    'Database administration', 'Message queues', 'API gateways',
  ],
  security: [
    'Secure coding', 'Threat modelling', 'Vulnerability management', 'Security awareness', 'Penetration testing',
    'Cryptography basics', 'Security operations', 'Incident handling', 'Application security testing',
    'Cloud security', 'Network security', 'Identity governance', 'Security architecture', 'Digital forensics',
    'Malware analysis', 'Zero trust design', 'Supply chain security', 'Security monitoring', 'Red teaming',
    'Fraud detection', 'Endpoint security', 'Key management',
  ],
  soft: [
    'Communication', 'Stakeholder management', 'Presentation skills', 'Customer empathy', 'Problem solving',
    'Written communication', 'Negotiation', 'Time management', 'Collaboration', 'Facilitation',
    'Conflict resolution', 'Active listening', 'Critical thinking', 'Adaptability', 'Storytelling with data',
    'Cross-cultural communication', 'Feedback', 'Mentoring', 'Creativity', 'Resilience',
  ],
  compliance: [
    'GDPR', 'Information security policy', 'Anti-money laundering', 'Risk assessment', 'Audit readiness',
    'PCI DSS', 'Health and safety', 'Data protection impact assessment', 'Records management',
    'Accessibility regulation', 'Financial controls', 'Sanctions screening', 'Business continuity',
    'Vendor risk management', 'Ethics and conduct', 'Export control', 'Consumer duty', 'ISO 27001',
    'SOC 2 controls', 'AI regulation',
  ],
  leadership: [
    'People management', 'Coaching', 'Strategic planning', 'Budgeting', 'Hiring and interviewing',
    'Change management', 'Decision making', 'Delegation', 'Performance management', 'Project management',
    'Agile delivery', 'Product management', 'Roadmapping', 'OKR setting', 'Team building',
    'Organisational design', 'Inclusive leadership', 'Vendor management', 'Portfolio management',
    'Executive communication',
  ],
};

/** Roles and the categories their requirements are drawn from (first = core, critical). */
export interface RoleTemplate {
  name: string;
  core: SkillCategory;
  supporting: readonly SkillCategory[];
}

export const ROLE_TEMPLATES: readonly RoleTemplate[] = [
  { name: 'Data Engineer', core: 'data', supporting: ['cloud', 'technical', 'soft'] },
  { name: 'Support Specialist', core: 'soft', supporting: ['technical', 'compliance'] },
  { name: 'Software Engineer', core: 'technical', supporting: ['cloud', 'security', 'soft'] },
  { name: 'Data Analyst', core: 'data', supporting: ['soft', 'compliance'] },
  { name: 'Site Reliability Engineer', core: 'cloud', supporting: ['technical', 'security'] },
  { name: 'Security Analyst', core: 'security', supporting: ['cloud', 'compliance'] },
  { name: 'Engineering Manager', core: 'leadership', supporting: ['technical', 'soft'] },
  { name: 'Product Manager', core: 'leadership', supporting: ['data', 'soft'] },
  { name: 'Compliance Officer', core: 'compliance', supporting: ['security', 'soft'] },
  { name: 'Machine Learning Engineer', core: 'data', supporting: ['technical', 'cloud'] },
  { name: 'Frontend Engineer', core: 'technical', supporting: ['soft', 'security'] },
  { name: 'Platform Engineer', core: 'cloud', supporting: ['technical', 'security'] },
  { name: 'Customer Success Manager', core: 'soft', supporting: ['leadership', 'data'] },
  { name: 'Risk Analyst', core: 'compliance', supporting: ['data', 'soft'] },
  { name: 'Team Lead Support', core: 'leadership', supporting: ['soft', 'compliance'] },
  { name: 'QA Engineer', core: 'technical', supporting: ['soft', 'cloud'] },
  { name: 'Security Engineer', core: 'security', supporting: ['technical', 'cloud'] },
  { name: 'Business Intelligence Developer', core: 'data', supporting: ['technical', 'soft'] },
  { name: 'Cloud Architect', core: 'cloud', supporting: ['security', 'leadership'] },
  { name: 'Fraud Analyst', core: 'compliance', supporting: ['data', 'security'] },
  { name: 'Delivery Manager', core: 'leadership', supporting: ['soft', 'technical'] },
  { name: 'Mobile Engineer', core: 'technical', supporting: ['cloud', 'soft'] },
  { name: 'Data Protection Officer', core: 'compliance', supporting: ['security', 'leadership'] },
  { name: 'Technical Writer', core: 'soft', supporting: ['technical'] },
  { name: 'Analytics Engineer', core: 'data', supporting: ['cloud', 'technical'] },
];

/** Teams with the roles they usually staff (by role name; the generator falls back when a role is absent). */
export interface TeamTemplate {
  name: string;
  roles: readonly string[];
}

export const TEAM_TEMPLATES: readonly TeamTemplate[] = [
  { name: 'Data Platform', roles: ['Data Engineer', 'Analytics Engineer', 'Site Reliability Engineer', 'Engineering Manager'] },
  { name: 'Payments', roles: ['Software Engineer', 'Security Engineer', 'QA Engineer', 'Product Manager', 'Fraud Analyst'] },
  { name: 'Customer Support EMEA', roles: ['Support Specialist', 'Team Lead Support', 'Technical Writer'] },
  { name: 'Customer Support Americas', roles: ['Support Specialist', 'Team Lead Support', 'Customer Success Manager'] },
  { name: 'Cloud Infrastructure', roles: ['Platform Engineer', 'Site Reliability Engineer', 'Cloud Architect', 'Engineering Manager'] },
  { name: 'Security Operations', roles: ['Security Analyst', 'Security Engineer', 'Compliance Officer'] },
  { name: 'Insights & Analytics', roles: ['Data Analyst', 'Business Intelligence Developer', 'Product Manager'] },
  { name: 'Mobile Apps', roles: ['Mobile Engineer', 'Frontend Engineer', 'QA Engineer', 'Product Manager'] },
  { name: 'Risk & Compliance', roles: ['Compliance Officer', 'Risk Analyst', 'Data Protection Officer'] },
  { name: 'Machine Learning', roles: ['Machine Learning Engineer', 'Data Engineer', 'Data Analyst'] },
  { name: 'Web Storefront', roles: ['Frontend Engineer', 'Software Engineer', 'QA Engineer', 'Delivery Manager'] },
  { name: 'Customer Success', roles: ['Customer Success Manager', 'Support Specialist', 'Data Analyst'] },
  { name: 'Identity & Access', roles: ['Security Engineer', 'Software Engineer', 'Platform Engineer'] },
  { name: 'Fraud Prevention', roles: ['Fraud Analyst', 'Data Analyst', 'Machine Learning Engineer'] },
  { name: 'Developer Experience', roles: ['Platform Engineer', 'Technical Writer', 'Software Engineer'] },
  { name: 'Billing', roles: ['Software Engineer', 'QA Engineer', 'Risk Analyst'] },
];

export const REGIONS = ['EMEA', 'APAC', 'Americas', 'Nordics', 'DACH', 'Iberia', 'UK&I', 'LATAM'] as const;

export const ISSUERS = [
  'Skyline Academy', 'Northbridge Institute', 'Open Data Guild', 'Harbor Security Lab', 'Meridian Learning',
  'Brightpath University', 'Cobalt Cloud School', 'Lighthouse Compliance College', 'Atlas Leadership Forum',
  'Riverside Polytechnic', 'Kestrel Code Academy', 'Summit Professional Education',
] as const;

/** Tier words for a badge by the level it grants (index = level). */
export const TIER_WORDS = ['', 'Awareness', 'Foundations', 'Practitioner', 'Advanced', 'Expert'] as const;

export const BADGE_KINDS = ['Badge', 'Micro-credential', 'Skill Badge', 'Course Certificate'] as const;
