-- 菜单管理 — the passenger clearance system's console menu (common-lib admin_menu), as the web app shows it. Officers
-- change it through /api/passenger/v1/admin/menus; roles name who sees each entry (empty: every signed-in user).
INSERT INTO admin_menu (id, parent_id, code, name_zh, name_en, path, icon, sort_order, roles, updated_by) VALUES
  ('6a1f0c0e-0001-4000-8000-000000000001', NULL, 'traveler', '旅客服务', 'Traveller services', '/traveler', 'Suitcase', 10, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000002', '6a1f0c0e-0001-4000-8000-000000000001', 'traveler.declarations', '行李物品申报', 'Baggage declarations', '/traveler/declarations', 'Document', 11, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000003', '6a1f0c0e-0001-4000-8000-000000000001', 'traveler.tax', '线上缴税', 'Online tax payment', '/traveler/tax', 'Money', 12, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000004', '6a1f0c0e-0001-4000-8000-000000000001', 'traveler.certificates', '完税证明', 'Tax-paid certificates', '/traveler/certificates', 'Tickets', 13, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000005', '6a1f0c0e-0001-4000-8000-000000000001', 'traveler.timeline', '通关进度', 'Clearance progress', '/traveler/timeline', 'Clock', 14, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000006', '6a1f0c0e-0001-4000-8000-000000000001', 'traveler.guides', '相关指引', 'Guides', '/traveler/guides', 'Reading', 15, '{traveler}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000010', NULL, 'officer', '旅检监管', 'Passenger supervision', '/officer', 'Stamp', 20, '{customs-officer,customs-reviewer}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000011', '6a1f0c0e-0001-4000-8000-000000000010', 'officer.passenger-declarations', '旅客申报监管', 'Passenger declarations', '/officer/passenger-declarations', 'List', 21, '{customs-officer,customs-reviewer}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000012', '6a1f0c0e-0001-4000-8000-000000000010', 'officer.passenger-settings', '旅客通关设置', 'Passenger clearance settings', '/officer/passenger-settings', 'Setting', 22, '{customs-officer}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000013', '6a1f0c0e-0001-4000-8000-000000000010', 'officer.passenger-guides', '相关指引维护', 'Guide editing', '/officer/passenger-guides', 'EditPen', 23, '{customs-officer}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000020', NULL, 'operator', '运维管理', 'Operations', '/operator', 'Setting', 30, '{sw-operator,platform-admin}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000021', '6a1f0c0e-0001-4000-8000-000000000020', 'operator.passenger-receipts', '回执与报文异常', 'Receipts and message errors', '/operator/passenger-receipts', 'Warning', 31, '{sw-operator,platform-admin}', 'migration'),
  ('6a1f0c0e-0001-4000-8000-000000000022', '6a1f0c0e-0001-4000-8000-000000000020', 'operator.passenger-admin', '旅客通关系统管理', 'Passenger system administration', '/operator/passenger-admin', 'User', 32, '{sw-operator,platform-admin}', 'migration');
