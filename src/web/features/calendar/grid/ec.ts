// The calendar widget and its styles, in their own chunk: loaded only when a calendar is shown.
import '@event-calendar/core/index.css';
import './calendar.css';
import { createCalendar, destroyCalendar, Interaction, ResourceTimeGrid, TimeGrid } from '@event-calendar/core';

export const plugins = [ResourceTimeGrid, TimeGrid, Interaction];
export { createCalendar, destroyCalendar };
