-- Reference data: the pledge's 20 measures and their 7 themes, SDG goals 5, 8, 10, 16 and
-- targets 5.2, 8.7, 8.8, 10.7, 16.2, 16.3, and the actions (a)-(j) of Objective 10 of the
-- Global Compact for Safe, Orderly and Regular Migration (GCM).
--
-- Sources (see /work/shared/seeds):
--   * Measures: "Multistakeholder Pledge: Protection for refugees and migrants at risk of or
--     affected by trafficking in persons", pledging guidance, measures numbered 1-20 as the
--     guidance numbers them. Titles and summaries are Pledgetrack's own wording.
--   * SDG targets: 2030 Agenda for Sustainable Development (targets as listed with GCM
--     Objective 10); titles are short plain-language paraphrases.
--   * GCM actions: GCM (A/RES/73/195), Objective 10, actions (a)-(j); titles are our own.
--
-- source_url: the seeds contain no link to the pledge or to the Global Refugee Forum (the
-- only addresses in them are quno.org in seed 002 and an e-mail address in seed 004). Seed
-- 001 is the text of the pledge's own page on the Global Compact on Refugees digital
-- platform, which points readers to the pledging guidance, so every measure links to that
-- page rather than to the site's landing page:
--   https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons
-- (address taken from a stored copy of that page whose text matches seed 001; it could not
-- be fetched live from the machine this was written on.)

INSERT INTO measure_theme (code, position, title) VALUES
    ('legal-framework', 1, 'Legal framework'),
    ('identification-and-referral', 2, 'Identification and referral'),
    ('assistance-and-protection', 3, 'Assistance and protection'),
    ('prevention', 4, 'Prevention'),
    ('justice', 5, 'Justice'),
    ('evidence-and-participation', 6, 'Evidence and participation'),
    ('solutions', 7, 'Solutions');

INSERT INTO measure (number, theme_code, title, summary, source_ref, source_url) VALUES
    (1, 'legal-framework',
     'Refugee-law safeguard clause in anti-trafficking laws',
     'Anti-trafficking laws should say expressly that they leave intact a State''s duties under international refugee, human rights and humanitarian law, including the ban on sending people back to danger (non-refoulement).',
     'Pledge guidance, measure 1',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (2, 'legal-framework',
     'Help and justice for every victim, whatever their status',
     'Laws, policies and practice give every trafficked asylum-seeker, refugee, stateless person and migrant support, protection and a way to justice. This must not depend on their legal status, how they arrived, where they were exploited or whether they help the authorities.',
     'Pledge guidance, measure 2',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (3, 'identification-and-referral',
     'Referral links between asylum and anti-trafficking systems',
     'The asylum system and the anti-trafficking system agree how they work together and pass cases to each other, so that victims and people at risk reach protection and support, including international protection where it applies.',
     'Pledge guidance, measure 3',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (4, 'identification-and-referral',
     'Trauma-informed, child- and gender-sensitive procedures',
     'Screening, referral, asylum and other protection procedures take account of trauma, age, gender and disability, and respect the rights of everyone who goes through them.',
     'Pledge guidance, measure 4',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (5, 'identification-and-referral',
     'Training frontline staff to spot and refer trafficking',
     'Everyone working in humanitarian settings learns to recognise the signs of the different forms of trafficking, to reduce the risks people face and to refer them to the right procedure or service.',
     'Pledge guidance, measure 5',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (6, 'assistance-and-protection',
     'Support services along mixed movement routes',
     'Shelter, health care, safety, psychosocial, legal, social and child-protection services are set up or expanded for victims and people at risk, with attention to age, gender and diversity. Local authorities get money and expertise so that displaced people and migrants are included in these services.',
     'Pledge guidance, measure 6',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (7, 'assistance-and-protection',
     'Safe care for children who are trafficked or at risk',
     'Every child, whatever their status, is kept safe: a qualified guardian is appointed quickly, specialised help is given, decisions follow the child''s best interests, families are reunited with respect for rights, and school and health care are open to them.',
     'Pledge guidance, measure 7',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (8, 'assistance-and-protection',
     'Child protection against trafficking and harmful work',
     'Safeguards that keep children from being trafficked, exploited or put to work that harms their development or schooling are strengthened, and they cover refugee, stateless and migrant children too.',
     'Pledge guidance, measure 8',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (9, 'prevention',
     'Safe spaces and know-your-rights outreach',
     'People and communities get safe places and the knowledge to protect themselves: what the trafficking risks are, what their rights are, and how to get help, report safely and go to court.',
     'Pledge guidance, measure 9',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (10, 'prevention',
     'Decent work and labour rights to tackle root causes',
     'Trafficking is prevented at its roots by upholding rights at work for everyone regardless of status: less discrimination, more jobs and livelihoods, stronger labour inspection, the freedom to organise and bargain, and employers who know how to stay clear of exploitation.',
     'Pledge guidance, measure 10',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (11, 'assistance-and-protection',
     'Early legal aid for victims',
     'Trafficked people, including displaced people and migrants, get legal advice and representation from the start, adapted to their age, gender, disability and other needs, so they can obtain justice and traffickers are held to account.',
     'Pledge guidance, measure 11',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (12, 'legal-framework',
     'No punishment for offences victims were forced to commit',
     'Laws and policies are changed so that trafficked asylum-seekers, refugees, stateless people and migrants are not punished for unlawful acts they were made to commit because they were being trafficked.',
     'Pledge guidance, measure 12',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (13, 'legal-framework',
     'No penalties on refugees for irregular entry or stay',
     'Refugees who are trafficked or at risk are not penalised for how they entered or for staying without permission, as the 1951 Refugee Convention requires. For children, the law should rule out detention, prosecution and any penalty.',
     'Pledge guidance, measure 13',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (14, 'justice',
     'Training police and prosecutors for mixed movements',
     'Police, prosecutors and other criminal-justice staff are trained and mentored to detect, investigate and prosecute trafficking among refugees and migrants, in a way that respects their rights and protection needs.',
     'Pledge guidance, measure 14',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (15, 'justice',
     'Victim-centred courts that apply non-punishment',
     'Judges and court staff build the knowledge and skills to decide trafficking cases in a trauma-informed, inclusive and victim-centred way that fully respects the rule that victims are not punished.',
     'Pledge guidance, measure 15',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (16, 'identification-and-referral',
     'Cross-border cooperation to identify and refer victims',
     'Police and other actors in different countries work together to identify victims and link them to support, to prosecute traffickers and to prevent trafficking along mixed movement routes.',
     'Pledge guidance, measure 16',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (17, 'evidence-and-participation',
     'Better data and research on trafficking',
     'Trafficking data are collected in line with existing standards, and research fills what is still unknown, including about displaced people and mixed movements, so that policy rests on evidence.',
     'Pledge guidance, measure 17',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (18, 'evidence-and-participation',
     'Safe, ethical and meaningful survivor participation',
     'Survivors of trafficking who are asylum-seekers, refugees, stateless people or migrants have safe and ethical ways to take a real part in designing, carrying out, monitoring and evaluating anti-trafficking laws, policies and procedures.',
     'Pledge guidance, measure 18',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (19, 'solutions',
     'Family reunification, resettlement and safe pathways',
     'Barriers to family reunification come down, more resettlement places are offered and other safe, legal routes such as study, work and humanitarian schemes are widened for refugees who are trafficked or at risk.',
     'Pledge guidance, measure 19',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons'),
    (20, 'solutions',
     'Safe, dignified return and reintegration',
     'Where victims or people at risk go back, the return respects their rights, safety and dignity, is voluntary wherever possible and comes with help to rebuild their lives. No one is returned to persecution, torture or ill-treatment.',
     'Pledge guidance, measure 20',
     'https://globalcompactrefugees.org/multistakeholder-pledge-protection-refugees-and-migrants-risk-or-affected-trafficking-persons');

-- SDG goals: official short names.
INSERT INTO sdg_goal (number, title) VALUES
    (5, 'Gender equality'),
    (8, 'Decent work and economic growth'),
    (10, 'Reduced inequalities'),
    (16, 'Peace, justice and strong institutions');

-- position: order of the target among this goal's targets stored here.
INSERT INTO sdg_target (code, goal_number, position, title) VALUES
    ('5.2', 5, 1, 'End all violence against women and girls, including trafficking and sexual exploitation'),
    ('8.7', 8, 1, 'End forced labour, modern slavery, human trafficking and child labour'),
    ('8.8', 8, 2, 'Protect labour rights and safe working conditions for all workers, migrants included'),
    ('10.7', 10, 1, 'Make migration safe, orderly, regular and responsible through well-run policies'),
    ('16.2', 16, 1, 'End abuse, exploitation, trafficking, torture and all violence against children'),
    ('16.3', 16, 2, 'Uphold the rule of law and equal access to justice for everyone');

INSERT INTO gcm_action (letter, title, source_ref) VALUES
    ('a', 'Join and apply the UN Protocol against trafficking in persons', 'GCM Objective 10, action (a)'),
    ('b', 'Put the UN Global Plan of Action against trafficking into practice', 'GCM Objective 10, action (b)'),
    ('c', 'Watch irregular routes used by traffickers and cooperate across borders on them', 'GCM Objective 10, action (c)'),
    ('d', 'Share intelligence across borders, follow traffickers'' money, end impunity', 'GCM Objective 10, action (d)'),
    ('e', 'Protection, justice and safe reporting for all victims and people at risk', 'GCM Objective 10, action (e)'),
    ('f', 'Define trafficking as international law does, distinct from smuggling', 'GCM Objective 10, action (f)'),
    ('g', 'Prosecute traffickers, not victims; protection not tied to cooperation', 'GCM Objective 10, action (g)'),
    ('h', 'Recovery, the option to stay, and justice with compensation for victims', 'GCM Objective 10, action (h)'),
    ('i', 'Information and training so officials, employers and the public spot trafficking', 'GCM Objective 10, action (i)'),
    ('j', 'Awareness campaigns for migrants on trafficking risks and how to report', 'GCM Objective 10, action (j)');

-- Which SDG targets and GCM Objective 10 actions each measure contributes to.
-- THIS MAPPING IS PLEDGETRACK'S OWN READING of the measures, targets and actions; it is not
-- given by the pledge guidance (which only says the pledge contributes to SDGs 5, 8, 10 and
-- 16 and that similar pledges may be made under GCM Objective 10).
-- One line per measure says why.
--  1 safeguard clause: rule of law (16.3) and migration law that respects refugee law (10.7); the Protocol (a) and definitions consistent with international law (f).
--  2 help for all victims regardless of status: trafficking and exploitation (5.2, 8.7), access to justice (16.3); help for any status (e), not tied to cooperation (g), assistance (h).
--  3 asylum/anti-trafficking referral: trafficking (8.7) and protection-sensitive migration systems (10.7); national referral under the Global Plan (b) and protection (h).
--  4 trauma-, child- and gender-sensitive procedures: women and girls (5.2), children (16.2), migration procedures (10.7); particular vulnerabilities of women, men, girls and boys (e).
--  5 training to spot and refer: trafficking (8.7), migration settings (10.7); training to identify signs (i), identification and protection (e).
--  6 services on the routes: women and girls (5.2), victims of trafficking (8.7), people on the move (10.7); assistance on routes (c) and recovery support (h).
--  7 protective care for children: children (16.2), girls (5.2); girls and boys (e), protection and recovery (h).
--  8 child protection and child labour: child labour and trafficking (8.7), children (16.2); vulnerabilities of children (e), spotting child labour (i).
--  9 safe spaces and outreach: women and girls (5.2), justice (16.3), safe migration (10.7); awareness campaigns (j) and safe reporting (e).
-- 10 decent work and root causes: forced labour (8.7), labour rights of migrant workers (8.8), regular migration (10.7); educating employers (i), prevention under the Global Plan (b).
-- 11 legal aid: access to justice (16.3), women and girls (5.2); justice and redress (h), access to justice (e), accountability of traffickers (g).
-- 12 non-punishment for compelled offences: justice (16.3), trafficking (8.7); no criminalisation of victims (g).
-- 13 no penalties for irregular entry: migration policy (10.7), children (16.2), justice (16.3); no fear of detention or penalty (e), no criminalisation (g).
-- 14 police and prosecutors: justice (16.3), trafficking (8.7); judicial cooperation and enforcement (d), prosecution (g), training law enforcement (i), trafficking vs smuggling (f).
-- 15 judges: justice (16.3), women and girls (5.2); non-criminalisation (g), correct legal definitions in prosecutions (f).
-- 16 cross-border cooperation: trafficking (8.7), justice (16.3), migration routes (10.7); cooperation on routes (c), information sharing (d).
-- 17 data and research: trafficking (8.7), evidence for migration policy (10.7); Global Plan research and data (b), knowledge of routes and networks (c).
-- 18 survivor participation: survivors shape anti-trafficking law and policy (8.7) and how justice serves them (16.3); victim-centred Global Plan (b), measures fitted to those affected (e).
-- 19 family reunification, resettlement, pathways: safe and regular migration (10.7); permission to remain and protection (h).
-- 20 return and reintegration: well-managed return (10.7), preventing re-trafficking (8.7); recovery and reintegration support (h), protection regardless of status (e).
INSERT INTO measure_sdg_target (measure_number, target_code) VALUES
    (1, '16.3'), (1, '10.7'),
    (2, '5.2'), (2, '8.7'), (2, '16.3'),
    (3, '8.7'), (3, '10.7'),
    (4, '5.2'), (4, '16.2'), (4, '10.7'),
    (5, '8.7'), (5, '10.7'),
    (6, '5.2'), (6, '8.7'), (6, '10.7'),
    (7, '16.2'), (7, '5.2'),
    (8, '8.7'), (8, '16.2'),
    (9, '5.2'), (9, '16.3'), (9, '10.7'),
    (10, '8.7'), (10, '8.8'), (10, '10.7'),
    (11, '16.3'), (11, '5.2'),
    (12, '16.3'), (12, '8.7'),
    (13, '10.7'), (13, '16.2'), (13, '16.3'),
    (14, '16.3'), (14, '8.7'),
    (15, '16.3'), (15, '5.2'),
    (16, '8.7'), (16, '16.3'), (16, '10.7'),
    (17, '8.7'), (17, '10.7'),
    (18, '8.7'), (18, '16.3'),
    (19, '10.7'),
    (20, '10.7'), (20, '8.7');

INSERT INTO measure_gcm_action (measure_number, action_letter) VALUES
    (1, 'a'), (1, 'f'),
    (2, 'e'), (2, 'g'), (2, 'h'),
    (3, 'b'), (3, 'h'),
    (4, 'e'),
    (5, 'i'), (5, 'e'),
    (6, 'c'), (6, 'h'),
    (7, 'e'), (7, 'h'),
    (8, 'e'), (8, 'i'),
    (9, 'j'), (9, 'e'),
    (10, 'i'), (10, 'b'),
    (11, 'h'), (11, 'e'), (11, 'g'),
    (12, 'g'),
    (13, 'e'), (13, 'g'),
    (14, 'd'), (14, 'g'), (14, 'i'), (14, 'f'),
    (15, 'g'), (15, 'f'),
    (16, 'c'), (16, 'd'),
    (17, 'b'), (17, 'c'),
    (18, 'b'), (18, 'e'),
    (19, 'h'),
    (20, 'h'), (20, 'e');
